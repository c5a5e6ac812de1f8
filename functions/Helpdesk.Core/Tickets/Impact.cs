namespace Helpdesk.Core.Tickets;

/// <summary>Who is affected: "just me", "my team", "the whole company".</summary>
public enum Impact
{
    Individual,
    Team,
    Organization,
}
