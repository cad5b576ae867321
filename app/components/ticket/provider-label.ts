// Which AI provider produced a triage result, from the model name the worker stored with it: the local
// provider's models are named `local-…`; anything else came through the OpenAI-compatible provider.
export function providerLabel(model: string): string {
  return model.startsWith('local-') ? `Local provider · ${model}` : `OpenAI · ${model}`;
}
