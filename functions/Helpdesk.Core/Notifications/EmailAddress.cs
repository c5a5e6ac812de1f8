namespace Helpdesk.Core.Notifications;

public sealed record EmailAddress(string Address, string? DisplayName = null);
