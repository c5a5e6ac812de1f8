using Helpdesk.Core;
using Helpdesk.Core.Console;
using Helpdesk.Core.Conversation;
using Helpdesk.Core.Email;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Inventory;
using Helpdesk.Core.Maintenance;
using Helpdesk.Core.Providers;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Operations;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Technicians;
using Helpdesk.Core.Tickets;
using Helpdesk.Standalone.Console;
using Helpdesk.Standalone.Conversation;
using Helpdesk.Standalone.Email;
using Helpdesk.Standalone.Hosting;
using Helpdesk.Standalone.Intake;
using Helpdesk.Standalone.Inventory;
using Helpdesk.Standalone.Maintenance;
using Helpdesk.Standalone.Operations;
using Helpdesk.Standalone.Providers;
using Helpdesk.Standalone.Sla;
using Helpdesk.Standalone.Technicians;
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
            .AddHelpdeskInventory()         // Inventory/      assets, CSV import/export, heartbeats, ticket ↔ asset link
            .AddHelpdeskMaintenance()       // Maintenance/    reminder rules, hourly scan, digest, maintenance tickets, run records
            .AddHelpdeskProviders()         // Providers/      whom to call: the provider directory by category and asset
            .AddHelpdeskConversation()      // Conversation/   requester mails per public step, status page, satisfaction
            .AddHelpdeskEmail()             // Email/          inbound mail: webhooks, SMTP, threading, loop protection
            .AddHelpdeskTechnicians()       // Technicians/    roster, sign-in keys, sessions, who acts (people and named keys)
            .AddHelpdeskConsole()           // Console/        technicians' pages: queues, ticket, phone ticket, search, team, operations
            .AddHelpdeskOperations();       // Operations/     admins: poison messages and their replay, the SLA reconciler's last run

        // This host: technician key, error answers, limits, the durable engine; then each feature's
        // queue and schedule bindings.
        builder.AddHelpdeskStandaloneHost();
        builder.Services
            .AddHelpdeskTicketEventsListener()  // Tickets: ticket-events queue
            .AddHelpdeskIntakeSchedules()       // Intake: daily sweep of orphan attachments
            .AddHelpdeskSlaListeners()          // Sla: notifications queue, daily reconcile
            .AddHelpdeskMaintenanceSchedules()  // Maintenance: hourly scan
            .AddHelpdeskEmailListeners();       // Email: inbound key, inbound-email queue, SMTP listener
        builder.Services.AddHelpdeskOpenIdConnectSignIn();  // Console: OpenID Connect sign-in when configured (Helpdesk:Technicians:OpenIdConnect)
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseHelpdeskStandaloneHost();        // headers, error answers, rate limits of the public routes
        app.UseHelpdeskOpenIdConnectSignIn();   // Console: the OpenID Connect provider's answer, when configured
        var routes = app.MapHelpdeskRoutes();   // request-body time-outs on every route
        routes.MapHelpdeskIntake();             // Intake: GET form, POST tickets (public)
        routes.MapHelpdeskTickets();            // Tickets: ticket, actions, level queues (technician key or person)
        routes.MapHelpdeskInventory();          // Inventory: assets, import/export (technician key), heartbeats (own key)
        routes.MapHelpdeskMaintenance();        // Maintenance: runs (technician key)
        routes.MapHelpdeskProviders();          // Providers: directory, whom to call for a ticket (technician key)
        routes.MapHelpdeskConversation();       // Conversation: status page (public, signed link), satisfaction report
        routes.MapHelpdeskEmail();              // Email: inbound webhooks (inbound key; Mailgun signature)
        routes.MapHelpdeskTechnicians();        // Technicians: the roster API (admins)
        routes.MapHelpdeskConsole();            // Console: pages for signed-in technicians
        routes.MapHelpdeskOperations();         // Operations: poison messages, replay (admins)
        return app;
    }
}
