
namespace Helpdesk.Core.Sla;

public sealed record ProviderContract(TimeSpan Response, bool TwentyFourSeven);

// The validated, immutable form of SlaPolicyOptions that the clock works with.
