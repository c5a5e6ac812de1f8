using Helpdesk.Core;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Helpdesk.Functions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// The Azure Functions app: the same features as the standalone host (same list, same order, see its Program.cs).
// Routes, queues and schedules are the [Function] classes in each feature's folder (Intake/, Tickets/, Sla/).
return await StartupFailure.RunAsync(async () =>
{
    var builder = FunctionsApplication.CreateBuilder(args);
    builder.ConfigureFunctionsWebApplication();

    builder.Services
        .AddHelpdeskStorage()           // Storage/        tables, queues, blobs: Azurite or managed identity
        .AddHelpdeskTickets()           // Tickets/        model, workflow, numbering, level queues, technicians' API
        .AddHelpdeskIntake()            // Intake/         the request form and ticket creation from any channel
        .AddHelpdeskNotifications()     // Notifications/  outbound mail (SMTP or ACS), acknowledgments
        .AddHelpdeskSla();              // Sla/            policy, calendar, clock, timer orchestration, escalation

    // This host: durable JSON and the durable client port.
    builder.Services.AddHelpdeskFunctionsHost();
    await builder.Build().RunAsync();
});
