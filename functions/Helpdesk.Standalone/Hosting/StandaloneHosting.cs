using Helpdesk.Core;
using Helpdesk.Standalone.Durable;

namespace Helpdesk.Standalone.Hosting;

/// <summary>What this host adds around the features: the technician key, JSON and error answers, the durable engine.</summary>
public static class StandaloneHosting
{
    public static WebApplicationBuilder AddHelpdeskStandaloneHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddDevelopmentDefaults();
        builder.Services.AddValidatedOptions<ApiKeyOptions, ApiKeyOptionsValidator>(ApiKeyOptions.Section);
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => HelpdeskJson.Configure(o.SerializerOptions));
        builder.Services.AddHelpdeskDurableEngine();
        return builder;
    }

    /// <summary>No stack trace ever reaches a client: unhandled errors become a plain problem+json 500.</summary>
    public static WebApplication UseHelpdeskStandaloneHost(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
