/**
 * The seam between the offline evidence verifiers (this folder) and the attestation pipeline
 * (levels, transcripts, proofs, UI). Everything here is plain data: the verifiers are pure,
 * synchronous, never throw past their boundary, read no clock (the caller passes `now`) and do
 * no I/O, so they run the same in main, in a worker thread and in the `verify-proof` CLI.
 *
 * Hex strings are lowercase without `0x` unless a field says otherwise.
 */

export type CheckStatus = 'pass' | 'fail' | 'skip' | 'warn';

/** One line of a transcript. `id` is stable (tests and the UI key on it); `reason` is for people. */
export interface Check {
  id: CheckId;
  label: string;
  status: CheckStatus;
  reason: string;
  /** ISO time the check was judged at: the `now` the caller passed. */
  at: string;
}

/**
 * Stable check ids. Prefixes: `quote.` parsing and signatures, `pck.` the PCK chain,
 * `collateral.` Intel collateral, `tcb.` TCB status, `td.` TD attributes, `binding.` report_data,
 * `eventlog.` RTMR3 replay, `compose.` compose hash / app id, `pin.` pinned identities,
 * `tls.` channel binding, `gpu.` NVIDIA evidence, `nitro.` AWS Nitro documents.
 * A GPU check id carries the GPU index: `gpu.0.signature`.
 */
export type CheckId = string;

/**
 * How far one piece of evidence got, as a ladder: each level needs the one below it.
 * `hardware-bound`: quote signature, QE report, PCK chain to the bundled Intel root, not debug, and
 * the report_data binding all pass. `attested-current`: plus collateral verified, within its dates,
 * TCB `UpToDate` (other statuses are `warn` checks and stop here). `known-code`: plus the event log
 * replays to RTMR3, the compose hash matches `mr_config_id`, and the app id + compose hash are pinned.
 * `channel-bound`: plus the TLS key we connected to is in the attested set.
 * `reached` says which rungs passed on their own, e.g. known code without collateral.
 */
export type EvidenceLevel =
  'unverified' | 'hardware-bound' | 'attested-current' | 'known-code' | 'channel-bound';

export interface LevelsReached {
  hardwareBound: boolean;
  attestedCurrent: boolean;
  knownCode: boolean;
  channelBound: boolean;
}

/** Summary of one certificate of a chain, for the Attestation panel. */
export interface CertSummary {
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  /** SHA-256 of the DER. */
  sha256: string;
}

// ---------- Intel DCAP (TDX and SGX quotes) ----------

/** The collateral as `@phala/dcap-qvl` and our cache hold it (see dcap/*_collateral.json). */
export interface DcapCollateral {
  pck_crl_issuer_chain: string;
  /** Hex DER. */
  root_ca_crl: string;
  /** Hex DER. */
  pck_crl: string;
  tcb_info_issuer_chain: string;
  /** The exact signed JSON text of the `tcbInfo` body. */
  tcb_info: string;
  /** Hex r‖s (64 bytes). */
  tcb_info_signature: string;
  qe_identity_issuer_chain: string;
  /** The exact signed JSON text of the `enclaveIdentity` body. */
  qe_identity: string;
  qe_identity_signature: string;
}

/**
 * What report_data must hold, as named byte ranges, so a mismatch names the part that differs
 * ("nonce" vs "signing address"). Build it with the helpers in `binding.ts`:
 * `bindAddressAndNonce` (NEAR/dstack: address 20 + 12 zero + nonce 32),
 * `bindHashAndNonce` (compose manager: actions_hash 32 + nonce 32),
 * `bindDigest` (ACI: sha256(statement) 32 + 32 zero).
 */
export interface ReportDataBinding {
  parts: { name: string; offset: number; hex: string }[];
}

/** One dstack event-log entry, as both the string and the array forms of `event_log` hold it. */
export interface DstackEvent {
  imr: number;
  event_type: number;
  /** Hex SHA-384. */
  digest: string;
  event: string;
  /** Hex. */
  event_payload: string;
}

/** An identity the user pinned (trust on first use). */
export interface PinnedIdentity {
  appId: string;
  composeHash: string;
  /** The compose file text pinned with it, so a change can be shown as a diff. */
  composeFile?: string;
}

export interface TlsBinding {
  /** SHA-256 (hex) of the SubjectPublicKeyInfo the app connected to. */
  connectedKeySha256: string;
  /** SPKI SHA-256 values the attested evidence binds; empty when the provider binds none. */
  attestedKeySha256: string[];
}

export interface TdxVerifyInput {
  quote: Uint8Array;
  now: Date;
  collateral?: DcapCollateral;
  /** Omitted: the binding check is `skip` and the level cannot pass hardware-bound. */
  binding?: ReportDataBinding;
  /** `event_log` as the report holds it: a JSON string or an array. */
  eventLog?: string | readonly unknown[];
  /** `info.tcb_info.app_compose`. */
  composeFile?: string;
  /** `info.compose_hash` / `info.app_id` as the report states them, checked against the event log. */
  claimedComposeHash?: string;
  claimedAppId?: string;
  pinned?: readonly PinnedIdentity[];
  tls?: TlsBinding;
  /** Why there is no `tls` (the `tls.key` skip says it), e.g. the TLS probe failed. */
  tlsUnavailable?: string;
  /** Tests only: other trust roots (PEM). Default: the bundled Intel SGX Root CA. */
  intelRootPem?: string;
}

export interface TdxMeasurements {
  teeTcbSvn: string;
  mrSeam: string;
  tdAttributes: string;
  xfam: string;
  mrtd: string;
  mrConfigId: string;
  mrOwner: string;
  mrOwnerConfig: string;
  rtmr0: string;
  rtmr1: string;
  rtmr2: string;
  rtmr3: string;
  reportData: string;
}

export interface TcbResult {
  /** `UpToDate`, `SWHardeningNeeded`, `ConfigurationNeeded`, `OutOfDate`, `Revoked`, … */
  status: string;
  advisoryIds: string[];
  fmspc: string;
}

export interface TdxVerdict {
  checks: Check[];
  level: EvidenceLevel;
  reached: LevelsReached;
  /** Absent when the quote does not parse. SGX quotes fill `mrEnclave`/`mrSigner` instead. */
  quote?: {
    version: number;
    teeType: 'tdx' | 'sgx';
    debug: boolean;
    measurements?: TdxMeasurements;
    sgx?: { mrEnclave: string; mrSigner: string; reportData: string };
  };
  pckChain: CertSummary[];
  tcb?: TcbResult;
  /** From the event log, when it replays. */
  compose?: { composeHash: string; appId: string; rtmr3: string };
}

// ---------- NVIDIA GPU evidence ----------

/** `nvidia_payload` parsed: `{arch, nonce, evidence_list: [{arch, certificate, evidence}]}`. */
export interface GpuVerifyInput {
  /** The payload as the report carries it (a JSON string) or already parsed. */
  payload: string | unknown;
  /** Hex, our 32-byte nonce. */
  nonce: string;
  now: Date;
  /** Tests only: another root (PEM). Default: the bundled NVIDIA Device Identity CA. */
  nvidiaRootPem?: string;
}

export interface GpuResult {
  index: number;
  arch: string;
  ok: boolean;
  chain: CertSummary[];
  /** SPDM measurement blocks: index → hex value. */
  measurements: { index: number; value: string }[];
}

/** GPU lines are supplementary: they never gate a level. */
export interface GpuVerdict {
  checks: Check[];
  ok: boolean;
  gpus: GpuResult[];
}

// ---------- AWS Nitro (Galadriel: "notarised", never "confidential") ----------

export interface NitroVerifyInput {
  /** The COSE_Sign1 bytes (decode base64 first). */
  document: Uint8Array;
  now: Date;
  /** Hex; when given, the document's `nonce` must equal it. */
  nonce?: string;
  /** Hex; when given, the document's `public_key` must equal it (the signer's key). */
  publicKey?: string;
  /** Expected PCRs, index → hex (e.g. Galadriel's published PCR0..2). */
  pcrs?: Record<number, string>;
  /** Tests only: another root (PEM). Default: the bundled AWS Nitro Enclaves Root G1. */
  awsRootPem?: string;
}

export interface NitroVerdict {
  checks: Check[];
  /** `hardware-bound` when signature, chain, and (if asked) nonce/key/PCRs all pass. */
  level: 'unverified' | 'hardware-bound';
  document?: {
    moduleId: string;
    timestamp: string;
    digest: string;
    pcrs: Record<number, string>;
    publicKey?: string;
    userData?: string;
    nonce?: string;
  };
  chain: CertSummary[];
}

// ---------- NEAR AI Cloud two-layer report (gateway + model + GPU) ----------

export interface NearReportInput {
  /** `GET /v1/attestation/report` JSON, parsed or as text. */
  report: string | unknown;
  /** Hex, the nonce we sent. */
  nonce: string;
  now: Date;
  collateral?: { gateway?: DcapCollateral; model?: DcapCollateral };
  pinned?: readonly PinnedIdentity[];
  tls?: TlsBinding;
  tlsUnavailable?: string;
}

export interface NearVerdict {
  /** The report-level lines only: `near.parse`, `model.<i>.near.signing_key`. */
  checks: Check[];
  /**
   * The whole transcript in order, every line prefixed with where it comes from: `near.parse`,
   * `gateway.<id>`, `model.<i>.<id>` (GPU lines `model.<i>.gpu.<n>.<id>`, compose manager
   * `model.<i>.compose_manager.<id>`). The per-part verdicts hold the same lines unprefixed.
   */
  transcript: Check[];
  gateway: TdxVerdict & { signingAddress?: string };
  models: (TdxVerdict & {
    modelName: string;
    signingAddress?: string;
    gpu?: GpuVerdict;
    composeManager?: TdxVerdict;
  })[];
  /** The lowest level across gateway and models. */
  level: EvidenceLevel;
}
