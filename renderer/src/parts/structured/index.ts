// The structured-output part's public entry: an answer checked against the schema it was sent with.
export { StructuredAnswer } from './StructuredAnswer';
export { sentFormat } from './sentRequest';
