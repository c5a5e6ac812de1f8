namespace Helpdesk.Core.Sla;

public sealed class SlaPriorityOptions
{
    public TimeSpan FirstResponse { get; set; }

    public TimeSpan Resolution { get; set; }

    public bool TwentyFourSeven { get; set; }
}

// Share of the resolution target each level may use before the ticket escalates automatically.
