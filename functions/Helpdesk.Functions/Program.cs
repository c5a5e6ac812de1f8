using Helpdesk.Core;
using Helpdesk.Functions.Durable;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddHelpdeskCore(builder.Configuration);
builder.Services.AddHelpdeskDurableJson();
builder.Build().Run();
