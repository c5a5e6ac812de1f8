using System.Text.Json;
using Helpdesk.Core.Inventory;
using Helpdesk.Core.Providers;
using Helpdesk.Core.Technicians;
using Helpdesk.Functions.Providers;
using Helpdesk.Functions.Technicians;
using Helpdesk.IntegrationTests.Functions;
using Helpdesk.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.IntegrationTests.Inventory;

/// <summary>The Functions app's provider functions, called directly: the caller is established, then Core answers.</summary>
public class ProviderFunctionsTests
{
    [Fact]
    public async Task CreateGetUpdate_ThroughTheFunctionClass_WithTheFunctionKeyAsCaller()
    {
        await using var core = await CoreServices.StartAsync(s => s.AddHelpdeskInventory().AddHelpdeskProviders());
        var functions = new ProviderFunctions(core.Get<ProviderHandler>(), new TechnicianAccess(core.Get<SignedInPeople>()));
        const string body = """{"id":"proximus","name":"Proximus","kind":"internet","supportPhone":"+32 800 22 800","categories":["internet"]}""";

        var create = FunctionRequests.New("POST", "/api/providers", body);
        await (await functions.Create(create.Request, default)).ExecuteAsync(create);
        var etag = create.Response.Headers.ETag.ToString();
        var stale = FunctionRequests.New("PUT", "/api/providers/proximus", body.Replace("Proximus\"", "Proximus BE\"", StringComparison.Ordinal));
        stale.Request.Headers.IfMatch = "W/\"datetime'2000-01-01T00%3A00%3A00.0000000Z'\"";
        await (await functions.Update(stale.Request, "proximus", default)).ExecuteAsync(stale);
        var update = FunctionRequests.New("PUT", "/api/providers/proximus", body.Replace("Proximus\"", "Proximus BE\"", StringComparison.Ordinal));
        update.Request.Headers.IfMatch = etag;
        await (await functions.Update(update.Request, "proximus", default)).ExecuteAsync(update);
        var list = FunctionRequests.New("GET", "/api/providers", query: "?category=internet");
        await (await functions.List(list.Request, default)).ExecuteAsync(list);

        Assert.Equal(201, create.Response.StatusCode);
        Assert.Equal(412, stale.Response.StatusCode);
        Assert.Equal(200, update.Response.StatusCode);
        var providers = JsonDocument.Parse(FunctionRequests.Body(list)).RootElement.GetProperty("providers");
        Assert.Equal("Proximus BE", Assert.Single(providers.EnumerateArray()).GetProperty("name").GetString());
    }
}
