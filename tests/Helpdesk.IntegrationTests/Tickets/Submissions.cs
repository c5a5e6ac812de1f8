using Helpdesk.Core.Intake;
using Helpdesk.Core.Tickets;

namespace Helpdesk.IntegrationTests.Tickets;

internal static class Submissions
{
    public static ValidSubmission Valid(string? email = null, Impact impact = Impact.Team, CanWork canWork = CanWork.Partly, string? subject = null) => new(
        new Requester("Marie Dubois", email ?? $"marie.{Guid.NewGuid():N}@example.be", null, "fr"),
        subject ?? "Imprimante bloquée",
        "Bourrage papier au deuxième étage.",
        Category.Printer,
        impact,
        canWork,
        null);
}
