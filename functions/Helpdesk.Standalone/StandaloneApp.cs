using Helpdesk.Core;

namespace Helpdesk.Standalone;

/// <summary>
/// The standalone host's composition, in one place so that Program and the end-to-end tests build exactly the same
/// application. Table of contents: Core services, the API key, queue listeners, error handling, the routes.
/// </summary>
public static class StandaloneApp
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddHelpdeskStandalone();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseHelpdeskErrorHandling();
        app.MapHelpdeskEndpoints();
        return app;
    }
}
