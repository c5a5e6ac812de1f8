namespace Helpdesk.Core.Intake;

/// <summary>Where a ticket came from; the timeline says which, and reports can count per channel.</summary>
public enum IntakeChannel
{
    /// <summary>The public web form or the JSON API of the form.</summary>
    Web,

    /// <summary>A mail to the support address.</summary>
    Email,

    /// <summary>A phone call logged by a technician.</summary>
    Phone,

    /// <summary>A maintenance reminder of the inventory.</summary>
    Maintenance,

    /// <summary>A script or another system using the API.</summary>
    Api,
}
