namespace Helpdesk.Standalone.Hosting;

/// <summary>
/// Abuse limits of the public routes, per client address (section <c>Helpdesk:RateLimits</c>): a fixed window of
/// <see cref="Window"/> per address and route. Technician routes are not limited here (they need the API key).
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Helpdesk:RateLimits";

    /// <summary><c>POST /api/tickets</c> per address and window.</summary>
    public int TicketPosts { get; set; } = 10;

    /// <summary><c>GET /api/form</c> per address and window.</summary>
    public int FormGets { get; set; } = 60;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
