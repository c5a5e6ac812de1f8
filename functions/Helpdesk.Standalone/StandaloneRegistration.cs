using Helpdesk.Core;
using Helpdesk.Core.Sla;
using Helpdesk.Standalone.Durable;
using Helpdesk.Standalone.Queues;
using Helpdesk.Standalone.Schedules;

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
        builder.Services.AddHelpdeskSlaEngine();
        builder.Services.AddHelpdeskDurableEngine(builder.Configuration);
        builder.Services.AddHostedService<TicketEventsQueueListener>();
        builder.Services.AddHostedService<NotificationsQueueListener>();

        // Registered after the durable engine, so that start-up jobs find it running.
        builder.Services.AddSingleton(new CronJob(nameof(HelpdeskSchedules.SlaReconcile), HelpdeskSchedules.SlaReconcile, RunOnStartup: true,
            (sp, ct) => sp.GetRequiredService<SlaReconciler>().RunAsync(ct)));
        builder.Services.AddSingleton<CronJobService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CronJobService>());
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
