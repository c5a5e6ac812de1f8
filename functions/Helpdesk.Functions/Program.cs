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
using Helpdesk.Functions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

namespace Helpdesk.Functions;

/// <summary>
/// The Azure Functions app: the same features as the standalone host (same list, same order, see its Program.cs).
/// Routes, queues and schedules are the [Function] classes in each feature's folder (Intake/, Tickets/, Sla/). Tests
/// build it through <see cref="Create"/>, exactly as production does (the worker only runs under the Functions host).
/// </summary>
public static class Program
{
    public static Task<int> Main(string[] args) => StartupFailure.RunAsync(() => Create(args));

    public static IHost Create(string[] args, Action<FunctionsApplicationBuilder>? configure = null)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();

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

        // This host: error answers and headers of HTTP functions, the durable client bound for every function that
        // declares one, durable JSON.
        builder.AddHelpdeskFunctionsHost();
        configure?.Invoke(builder);
        return builder.Build();
    }
}
