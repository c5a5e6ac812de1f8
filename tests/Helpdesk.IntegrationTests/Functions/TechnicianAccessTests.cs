using System.Text;
using Helpdesk.Core.Conversation;
using Helpdesk.Core.Inventory;
using Helpdesk.Core.Maintenance;
using Helpdesk.Core.Technicians;
using Helpdesk.Functions.Conversation;
using Helpdesk.Functions.Maintenance;
using Helpdesk.Functions.Technicians;
using Helpdesk.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.IntegrationTests.Functions;

/// <summary>
/// The Functions app's technicians' reports behind Easy Auth: the function key lets the request in, then a person
/// signed in through the platform but not on the roster is refused (the platform's principal header is set here by
/// hand, as App Service authentication would set it: Easy Auth itself runs only on Azure).
/// </summary>
public class TechnicianAccessTests
{
    private static readonly Dictionary<string, string?> BehindEasyAuth = new() { ["Helpdesk:Technicians:TrustPlatformPrincipal"] = "true" };

    [Fact]
    public async Task MaintenanceRuns_AndSatisfactionReport_RefuseSomeoneNotOnTheRoster_AnswerTheKey()
    {
        await using var core = await CoreServices.StartAsync(s => s.AddHelpdeskInventory().AddHelpdeskMaintenance().AddHelpdeskConversation(), BehindEasyAuth);
        var access = new TechnicianAccess(core.Get<SignedInPeople>());
        var maintenance = new MaintenanceFunctions(core.Get<MaintenanceScanner>(), core.Get<MaintenanceHandler>(), access);
        var conversation = new ConversationFunctions(core.Get<StatusHandler>(), core.Get<SatisfactionReportHandler>(), access);

        async Task<int> StatusOf(Func<HttpRequest, Task<IResult>> function, string path, string? principalEmail)
        {
            var http = FunctionRequests.New("GET", path, query: "?month=2026-12");
            if (principalEmail is not null)
            {
                http.Request.Headers[ClientPrincipal.Header] = Convert.ToBase64String(Encoding.UTF8.GetBytes(
                    $$"""{"auth_typ":"aad","claims":[{"typ":"preferred_username","val":"{{principalEmail}}"}]}"""));
            }

            await (await function(http.Request)).ExecuteAsync(http);
            return http.Response.StatusCode;
        }

        Assert.Equal(403, await StatusOf(r => maintenance.Runs(r, default), "/api/maintenance/runs", "stranger@example.be"));
        Assert.Equal(403, await StatusOf(r => conversation.SatisfactionReport(r, default), "/api/reports/satisfaction", "stranger@example.be"));
        Assert.Equal(200, await StatusOf(r => maintenance.Runs(r, default), "/api/maintenance/runs", null));
        Assert.Equal(200, await StatusOf(r => conversation.SatisfactionReport(r, default), "/api/reports/satisfaction", null));
    }
}
