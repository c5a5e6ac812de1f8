using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Conversation;

public sealed class ConversationOptionsValidator : IValidateOptions<ConversationOptions>
{
    public ValidateOptionsResult Validate(string? name, ConversationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.ReplyWithinDays is < 1 or > ConversationOptions.MaxReplyWithinDays)
        {
            errors.Add($"{ConversationOptions.Section}:ReplyWithinDays must be between 1 and {ConversationOptions.MaxReplyWithinDays} (was {options.ReplyWithinDays}).");
        }

        if (options.StatusLinkDays is < 1 or > ConversationOptions.MaxStatusLinkDays)
        {
            errors.Add($"{ConversationOptions.Section}:StatusLinkDays must be between 1 and {ConversationOptions.MaxStatusLinkDays} (was {options.StatusLinkDays}).");
        }

        if (options.MaxTicketAttachments is < 1 or > ConversationOptions.MaxTicketAttachmentsLimit)
        {
            errors.Add($"{ConversationOptions.Section}:MaxTicketAttachments must be between 1 and {ConversationOptions.MaxTicketAttachmentsLimit} (was {options.MaxTicketAttachments}).");
        }

        // Shown as a tel: link: digits, spaces and the usual separators only, so nothing else can reach the page.
        if (options.EmergencyPhone is { } phone && !string.IsNullOrWhiteSpace(phone)
            && (phone.Length > ConversationOptions.MaxEmergencyPhoneLength || !phone.Any(char.IsAsciiDigit)
                || !phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '-' or '.' or '/')))
        {
            errors.Add($"{ConversationOptions.Section}:EmergencyPhone must be a phone number of at most {ConversationOptions.MaxEmergencyPhoneLength} characters (digits, spaces, + ( ) - . /).");
        }

        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
