using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Notifications;

public sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.MaxAcknowledgmentsPerRecipientPerHour is < 1 or > NotificationOptions.MaxAcknowledgmentsLimit
            ? ValidateOptionsResult.Fail(
                $"{NotificationOptions.Section}:MaxAcknowledgmentsPerRecipientPerHour must be between 1 and {NotificationOptions.MaxAcknowledgmentsLimit} " +
                $"(was {options.MaxAcknowledgmentsPerRecipientPerHour}).")
            : ValidateOptionsResult.Success;
    }
}
