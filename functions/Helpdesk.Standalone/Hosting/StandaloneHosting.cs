using Helpdesk.Core;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Web;
using Helpdesk.Standalone.Durable;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Helpdesk.Standalone.Hosting;

/// <summary>
/// What this host adds around the features: the technician key, JSON and error answers, request-body time-outs, abuse
/// limits on the public routes, response headers and the durable engine.
/// </summary>
public static class StandaloneHosting
{
    public static WebApplicationBuilder AddHelpdeskStandaloneHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddDevelopmentDefaults();
        builder.Services.AddValidatedOptions<ApiKeyOptions, ApiKeyOptionsValidator>(ApiKeyOptions.Section);
        builder.Services.AddValidatedOptions<RequestLimitsOptions, RequestLimitsOptionsValidator>(RequestLimitsOptions.Section);
        builder.Services.AddValidatedOptions<RateLimitOptions, RateLimitOptionsValidator>(RateLimitOptions.Section);
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitsOptions>>((kestrel, limits) =>
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(limits.Value.MinRequestBodyDataRate, limits.Value.MinRequestBodyDataRateGracePeriod));
        builder.Services.AddHelpdeskRateLimits();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => HelpdeskJson.Configure(o.SerializerOptions));
        builder.Services.AddHelpdeskDurableEngine();
        return builder;
    }

    /// <summary>
    /// The pipeline around the routes: <c>nosniff</c> on every answer; no stack trace ever reaches a client (an
    /// unhandled exception becomes <see cref="ErrorAnswer"/>, a page for browsers); empty 4xx/5xx get the same shapes;
    /// the rate limiter.
    /// </summary>
    public static WebApplication UseHelpdeskStandaloneHost(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((http, next) =>
        {
            SecurityHeaders.ApplyNoSniffWhenStarting(http.Response);
            return next(http);
        });
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StandaloneHosting).FullName!);
        app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (Exception ex)
            {
                if (await UnhandledErrors.TryAnswerAsync(http, ex) is not { } answer)
                {
                    throw;
                }

                HostLog.UnhandledRequestError(logger, ex, http.Request.Method, http.Request.Path, answer.StatusCode);
            }
        });
        app.UseStatusCodePages(context => ErrorAnswer.ForStatus(context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext));
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// The group every feature maps its routes into, carrying what applies to all of them: the request-body deadlines
    /// (<see cref="RequestBodyDeadlineFilter"/>).
    /// </summary>
    public static RouteGroupBuilder MapHelpdeskRoutes(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var routes = app.MapGroup("");
        routes.AddEndpointFilter<RequestBodyDeadlineFilter>();
        return routes;
    }
}
