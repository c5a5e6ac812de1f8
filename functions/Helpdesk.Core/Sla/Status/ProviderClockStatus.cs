
namespace Helpdesk.Core.Sla;

public sealed record ProviderClockStatus(string Provider, DateTimeOffset Since, DateTimeOffset? Due, bool Overdue);
