// The logprobs part's public entry: an answer's tokens, coloured by probability.
export { TokenView } from './TokenView';
