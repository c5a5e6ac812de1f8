using Helpdesk.Core;
using Helpdesk.Standalone.Queues;

namespace Helpdesk.Standalone;

public static class StandaloneRegistration
{
    /// <summary>The standalone host: the same Core as the Functions app, with Kestrel, queue and cron services in one process.</summary>
    public static WebApplicationBuilder AddHelpdeskStandalone(this WebApplicationBuilder builder)
    {
        builder.Services.AddHelpdeskCore(builder.Configuration);
        builder.Services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => HelpdeskJson.Configure(o.SerializerOptions));
        builder.Services.AddHostedService<TicketEventsQueueListener>();
        return builder;
    }

    /// <summary>No stack trace ever reaches a client: unhandled errors become a plain problem+json 500.</summary>
    public static WebApplication UseHelpdeskErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
