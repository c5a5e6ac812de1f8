using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Console;

/// <summary>
/// Logs of the console's external sign-in (OpenID Connect on the standalone host): event ids 13000–13099, the host's
/// protocol side included. Roster ids and address domains only, never tokens, codes or keys.
/// </summary>
internal static partial class ExternalSignInLog
{
    [LoggerMessage(EventId = 13001, Level = LogLevel.Information, Message = "Technician {TechnicianId} signed in through the external provider")]
    public static partial void SignedIn(ILogger logger, string technicianId);

    [LoggerMessage(EventId = 13002, Level = LogLevel.Warning,
        Message = "External sign-in refused: the address at {Domain} (roster id {TechnicianId}) is not on the roster")]
    public static partial void NotOnRoster(ILogger logger, string domain, string technicianId);

    [LoggerMessage(EventId = 13003, Level = LogLevel.Warning, Message = "External sign-in refused: technician {TechnicianId} is disabled")]
    public static partial void Disabled(ILogger logger, string technicianId);

    [LoggerMessage(EventId = 13004, Level = LogLevel.Warning, Message = "Key sign-in refused from {Client}: Helpdesk:Technicians:KeySignIn is off")]
    public static partial void KeySignInOff(ILogger logger, string client);
}
