namespace Helpdesk.Core.Technicians;

/// <summary>What a roster change did.</summary>
public enum RosterChangeOutcome
{
    Done,

    /// <summary>No such person on the roster.</summary>
    NotFound,

    /// <summary>Refused: the roster would be left without an active admin.</summary>
    LastAdmin,

    /// <summary>Someone changed the roster at the same moment; nothing was written (read again and retry).</summary>
    Conflict,
}
