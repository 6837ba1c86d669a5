export { createNoiseSuppressor, type NoiseSuppressor } from './noise-suppressor'
export { useNoiseSuppression, type NoiseSuppressionState } from './useNoiseSuppression'
