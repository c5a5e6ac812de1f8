using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Console;

/// <summary>
/// A section another feature adds to the console's ticket page (e.g. Providers: the asset and whom to call), so the
/// console knows no feature beyond tickets. Returns HTML the section has escaped itself; empty for nothing to show.
/// </summary>
public interface ITicketPageSection
{
    Task<string> RenderAsync(Ticket ticket, string lang, CancellationToken ct);
}
