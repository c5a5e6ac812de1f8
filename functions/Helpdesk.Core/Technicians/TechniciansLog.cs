using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Technicians;

/// <summary>Logs of the identity feature: event ids 12000–12099. Ids and roles only, never keys or tokens.</summary>
internal static partial class TechniciansLog
{
    [LoggerMessage(EventId = 12001, Level = LogLevel.Information, Message = "Technician {TechnicianId} added to the roster as {Role}")]
    public static partial void Added(ILogger logger, string technicianId, TechnicianRole role);

    [LoggerMessage(EventId = 12002, Level = LogLevel.Information, Message = "Technician {TechnicianId} updated: role {Role}")]
    public static partial void Updated(ILogger logger, string technicianId, TechnicianRole role);

    [LoggerMessage(EventId = 12003, Level = LogLevel.Information, Message = "Technician {TechnicianId} got a new sign-in key")]
    public static partial void KeyReplaced(ILogger logger, string technicianId);

    [LoggerMessage(EventId = 12004, Level = LogLevel.Information, Message = "Technician {TechnicianId} removed from the roster")]
    public static partial void Removed(ILogger logger, string technicianId);

    [LoggerMessage(EventId = 12005, Level = LogLevel.Warning, Message = "First admin added to the empty roster; sign-in key written to {KeyFile}")]
    public static partial void FirstAdminAdded(ILogger logger, string keyFile);

    [LoggerMessage(EventId = 12006, Level = LogLevel.Information, Message = "Technician {TechnicianId} signed in")]
    public static partial void SignedIn(ILogger logger, string technicianId);

    [LoggerMessage(EventId = 12007, Level = LogLevel.Warning, Message = "Sign-in refused from {Client}")]
    public static partial void SignInRefused(ILogger logger, string client);

    [LoggerMessage(EventId = 12008, Level = LogLevel.Warning, Message = "Platform principal not on the roster refused on {Path}")]
    public static partial void NotOnRoster(ILogger logger, string path);
}
