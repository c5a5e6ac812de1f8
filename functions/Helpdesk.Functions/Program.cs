using Helpdesk.Core;
using Helpdesk.Core.Durable;
using Helpdesk.Core.Sla;
using Helpdesk.Functions.Durable;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddHelpdeskCore(builder.Configuration);
builder.Services.AddHelpdeskSlaEngine();
builder.Services.AddHelpdeskDurableJson();
builder.Services.AddSingleton<IOrchestrationClient, BoundOrchestrationClient>();
builder.Build().Run();
