using Helpdesk.Core;
using Helpdesk.Core.Console;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Technicians;
using Helpdesk.Core.Tickets;
using Helpdesk.Standalone.Console;
using Helpdesk.Standalone.Hosting;
using Helpdesk.Standalone.Intake;
using Helpdesk.Standalone.Sla;
using Helpdesk.Standalone.Tickets;

namespace Helpdesk.Standalone;

/// <summary>
/// The standalone host: the same features as the Functions app (same list, same order, see its Program.cs), with
/// Kestrel, queue listeners, cron jobs and the Durable Task engine in one process. Tests build it through
/// <see cref="Create"/>, exactly as production does.
/// </summary>
public static class Program
{
    public static Task<int> Main(string[] args) => StartupFailure.RunAsync(() => Create(args));

    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);

        // The features, each in its Core folder.
        builder.Services
            .AddHelpdeskStorage()           // Storage/        tables, queues, blobs: Azurite or managed identity
            .AddHelpdeskTickets()           // Tickets/        model, workflow, numbering, level queues, technicians' API
            .AddHelpdeskIntake()            // Intake/         the request form and ticket creation from any channel
            .AddHelpdeskNotifications()     // Notifications/  outbound mail (SMTP or ACS), acknowledgments
            .AddHelpdeskSla()               // Sla/            policy, calendar, clock, timer orchestration, escalation
            .AddHelpdeskTechnicians()       // Technicians/    roster, sign-in keys, sessions, who acts (people and named keys)
            .AddHelpdeskConsole();          // Console/        technicians' pages: queues, ticket, phone ticket, search, team

        // This host: technician key, error answers, limits, the durable engine; then each feature's
        // queue and schedule bindings.
        builder.AddHelpdeskStandaloneHost();
        builder.Services
            .AddHelpdeskTicketEventsListener()  // Tickets: ticket-events queue
            .AddHelpdeskIntakeSchedules()       // Intake: daily sweep of orphan attachments
            .AddHelpdeskSlaListeners();         // Sla: notifications queue, daily reconcile
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseHelpdeskStandaloneHost();        // headers, error answers, rate limits of the public routes
        var routes = app.MapHelpdeskRoutes();   // request-body time-outs on every route
        routes.MapHelpdeskIntake();             // Intake: GET form, POST tickets (public)
        routes.MapHelpdeskTickets();            // Tickets: ticket, actions, level queues (technician key or person)
        routes.MapHelpdeskConsole();            // Console: pages for signed-in technicians
        return app;
    }
}
