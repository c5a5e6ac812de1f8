using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.Core.Technicians;
using Helpdesk.Core.Tickets;
using Helpdesk.IntegrationTests.EndToEnd;
using Helpdesk.IntegrationTests.Infrastructure;

namespace Helpdesk.IntegrationTests.Console;

/// <summary>Admins change a person's levels, role, language, disable or remove them, on the team page and through the API; the last admin stays.</summary>
public class RosterEditingTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private HelpdeskHost Host => fixture.Host;

    [Fact]
    public async Task Admin_ChangesLevelsRoleAndLanguage_OnTheTeamPage_ThenDisablesThePerson_WhoIsSignedOutEverywhere()
    {
        var (admin, _, _) = await ConsoleClient.SignedInAsync(Host, TechnicianRole.Admin, SupportLevel.L1);
        using var _a = admin;
        var (tech, person, key) = await ConsoleClient.SignedInAsync(Host);
        using var _t = tech;
        var token = await admin.TokenAsync("/api/console/roster");

        using var edit = await admin.Http.PostAsync("/api/console/roster", new FormUrlEncodedContent(
        [
            new("csrf", token), new("op", "edit"), new("id", person.Id), new("levels", "L2"), new("levels", "L3"), new("role", "admin"), new("language", "fr"),
        ]));

        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal("/api/console/roster?done=saved", edit.Headers.Location!.OriginalString);
        var changed = await Host.Get<Roster>().GetAsync(person.Id, default);
        Assert.Equal([SupportLevel.L2, SupportLevel.L3], changed!.Levels);
        Assert.Equal((TechnicianRole.Admin, "fr", false), (changed.Role, changed.Language, changed.Disabled));
        Assert.Contains("lang=\"fr", await tech.Http.GetStringAsync("/api/console"), StringComparison.Ordinal);

        using var noLevel = await admin.PostFormAsync("/api/console/roster", token,
            new Dictionary<string, string> { ["op"] = "edit", ["id"] = person.Id, ["role"] = "technician", ["language"] = "en" });
        Assert.Equal(HttpStatusCode.BadRequest, noLevel.StatusCode);

        using var disable = await admin.PostFormAsync("/api/console/roster", token,
            new Dictionary<string, string> { ["op"] = "edit", ["id"] = person.Id, ["levels"] = "L2", ["role"] = "technician", ["language"] = "en", ["disabled"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.True((await Host.Get<Roster>().GetAsync(person.Id, default))!.Disabled);
        using var page = await tech.Http.GetAsync("/api/console");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode); // the open session no longer signs them in
        using var again = ConsoleClient.Anonymous(Host);
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.SignInAsync(key)).StatusCode);
        Assert.Contains("Disabled (can no longer sign in)", await admin.Http.GetStringAsync("/api/console/roster"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_ChangesAndRemovesAPerson_ForAdminsOnly_WithErrorsInWords()
    {
        using var admin = await ApiClientAsync(TechnicianRole.Admin);
        using var technician = await ApiClientAsync(TechnicianRole.Technician);
        using var key = Host.TechnicianClient();
        var (person, _) = await ConsoleClient.AddAsync(Host);
        var path = $"/api/technicians/{person.Id}";

        Assert.Equal(HttpStatusCode.Forbidden, (await technician.PutAsJsonAsync(path, new { role = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await key.PutAsJsonAsync(path, new { role = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await technician.GetAsync("/api/technicians")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await technician.DeleteAsync(path)).StatusCode);

        using var bad = await admin.PutAsJsonAsync(path, new { levels = (string[])["L9"], role = "boss" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Levels are L1, L2 and L3.", errors.GetProperty("levels")[0].GetString());
        Assert.Equal("The role is technician or admin.", errors.GetProperty("role")[0].GetString());

        using var ok = await admin.PutAsJsonAsync(path, new { levels = (string[])["L3"], language = "fr" });
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/technicians")).GetProperty("technicians").EnumerateArray()
            .Single(t => t.GetProperty("id").GetString() == person.Id);
        Assert.Equal(("L3", "fr", "technician", false), (listed.GetProperty("levels")[0].GetString(), listed.GetProperty("language").GetString(),
            listed.GetProperty("role").GetString(), listed.GetProperty("disabled").GetBoolean()));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync(path, new { role = "admin" })).StatusCode);
        Assert.Null(await Host.Get<Roster>().GetAsync(person.Id, default));
    }

    [Fact]
    public async Task LastActiveAdmin_CannotStepDown_AndTwoAdminsDemotingEachOtherAtOnce_LeaveOne()
    {
        await using var host = await HelpdeskHost.StartAsync();
        var (admin, me, _) = await ConsoleClient.SignedInAsync(host, TechnicianRole.Admin, SupportLevel.L1);
        using var _a = admin;
        var token = await admin.TokenAsync("/api/console/roster");

        using var stepDown = await admin.PostFormAsync("/api/console/roster", token,
            new Dictionary<string, string> { ["op"] = "edit", ["id"] = me.Id, ["levels"] = "L1", ["role"] = "technician", ["language"] = "en" });
        using var disableSelf = await admin.PostFormAsync("/api/console/roster", token,
            new Dictionary<string, string> { ["op"] = "edit", ["id"] = me.Id, ["levels"] = "L1", ["role"] = "admin", ["language"] = "en", ["disabled"] = "true" });
        using var removeSelf = await admin.PostFormAsync("/api/console/roster", token, new Dictionary<string, string> { ["op"] = "remove", ["id"] = me.Id });

        Assert.Equal(HttpStatusCode.Conflict, stepDown.StatusCode);
        Assert.Contains("last active admin", await stepDown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, disableSelf.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, removeSelf.StatusCode);
        Assert.True((await host.Get<Roster>().GetAsync(me.Id, default))!.IsAdmin);

        // Two admins demote each other at the same moment: one change wins, the roster keeps an admin.
        var roster = host.Get<Roster>();
        var (other, _) = await ConsoleClient.AddAsync(host, TechnicianRole.Admin);
        var demote = new RosterEdit([SupportLevel.L1], TechnicianRole.Technician, "en", false);
        var outcomes = await Task.WhenAll(roster.ChangeAsync(me.Id, demote, default), roster.ChangeAsync(other.Id, demote, default));

        Assert.Single(outcomes, o => o == RosterChangeOutcome.Done);
        Assert.Single(outcomes, o => o is RosterChangeOutcome.Conflict or RosterChangeOutcome.LastAdmin);
        Assert.Single(await roster.ListAsync(default), t => t.IsAdmin);
    }

    private async Task<HttpClient> ApiClientAsync(TechnicianRole role)
    {
        var (client, _, _) = await ConsoleClient.SignedInAsync(Host, role, SupportLevel.L1);
        using var _c = client;
        var session = client.Cookies.GetCookies(new Uri(Host.BaseAddress, "/api/console/")).First(c => c.Name == SignedInPeople.SessionCookie).Value;
        var api = Host.Client();
        api.DefaultRequestHeaders.Add("Cookie", $"{SignedInPeople.SessionCookie}={session}");
        return api;
    }
}
