using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Providers;

/// <summary>Provider directory events an operator searches for (event ids 11200–11299).</summary>
internal static partial class ProvidersLog
{
    [LoggerMessage(EventId = 11201, EventName = "ProviderSeedImported", Level = LogLevel.Information,
        Message = "Provider directory: {Imported} of the {Configured} providers in settings imported (once; the API is the truth from now on).")]
    public static partial void SeedImported(ILogger logger, int imported, int configured);

    [LoggerMessage(EventId = 11202, EventName = "ProviderChanged", Level = LogLevel.Information,
        Message = "Provider {Id} {Change} by {Actor}.")]
    public static partial void Changed(ILogger logger, string id, string change, string actor);

    [LoggerMessage(EventId = 11210, EventName = "ProviderMailSent", Level = LogLevel.Information,
        Message = "Ticket {Number}: waiting on provider {Id}, mail sent to its support address (Message-ID {MessageId}).")]
    public static partial void MailSent(ILogger logger, int number, string id, string messageId);

    [LoggerMessage(EventId = 11211, EventName = "ProviderMailFailedPermanently", Level = LogLevel.Warning,
        Message = "Ticket {Number}: the mail to provider {Id} was refused for good: {Reason}.")]
    public static partial void MailFailedPermanently(ILogger logger, Exception exception, int number, string id, string reason);

    [LoggerMessage(EventId = 11212, EventName = "ProviderMailAlreadyHandled", Level = LogLevel.Debug,
        Message = "Ticket {Number}: the mail to the provider for this wait is already recorded; nothing sent again.")]
    public static partial void MailAlreadyHandled(ILogger logger, int number);
}
