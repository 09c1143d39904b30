// The agreed import path for other features; the code lives in branches.ts.
export * from '../../store/conversation/branches';
