using System.Text;
using System.Text.Json;
using Helpdesk.Core.Inventory;
using Helpdesk.Core.Providers;
using Helpdesk.Core.Technicians;
using Helpdesk.Functions.Providers;
using Helpdesk.Functions.Technicians;
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

        var create = NewContext("POST", "/api/providers", body);
        await (await functions.Create(create.Request, default)).ExecuteAsync(create);
        var etag = create.Response.Headers.ETag.ToString();
        var stale = NewContext("PUT", "/api/providers/proximus", body.Replace("Proximus\"", "Proximus BE\"", StringComparison.Ordinal));
        stale.Request.Headers.IfMatch = "W/\"datetime'2000-01-01T00%3A00%3A00.0000000Z'\"";
        await (await functions.Update(stale.Request, "proximus", default)).ExecuteAsync(stale);
        var update = NewContext("PUT", "/api/providers/proximus", body.Replace("Proximus\"", "Proximus BE\"", StringComparison.Ordinal));
        update.Request.Headers.IfMatch = etag;
        await (await functions.Update(update.Request, "proximus", default)).ExecuteAsync(update);
        var list = NewContext("GET", "/api/providers");
        list.Request.QueryString = new QueryString("?category=internet");
        await (await functions.List(list.Request, default)).ExecuteAsync(list);

        Assert.Equal(201, create.Response.StatusCode);
        Assert.Equal(412, stale.Response.StatusCode);
        Assert.Equal(200, update.Response.StatusCode);
        var providers = JsonDocument.Parse(Body(list)).RootElement.GetProperty("providers");
        Assert.Equal("Proximus BE", Assert.Single(providers.EnumerateArray()).GetProperty("name").GetString());
    }

    private static DefaultHttpContext NewContext(string method, string path, string? json = null)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider() };
        context.Request.Method = method;
        context.Request.Path = path;
        if (json is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = bytes.Length;
            context.Request.Body = new MemoryStream(bytes);
        }

        context.Response.Body = new MemoryStream();
        return context;
    }

    private static string Body(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return new StreamReader(context.Response.Body).ReadToEnd();
    }
}
