using System.Data.Common;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Tests.Support;

/// <summary>
/// The host as it runs in production (environment <c>Production</c>), on Kestrel over loopback — the
/// server that enforces the request body limit and writes (or not) a Server header. A request that
/// carries <see cref="FailHeader"/> finds the database failing under it: how an unforeseen failure
/// of a real page or endpoint is answered.
/// </summary>
public sealed class ProductionAppFactory : UchastokAppFactory
{
    public const string FailHeader = "X-Test-Database-Fails";

    private readonly int _port = FreePort();

    protected override void BeforeStart()
    {
        UseKestrel(_port);
        ClientOptions.BaseAddress = new Uri($"http://127.0.0.1:{_port}");
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.ConfigureTestServices(services =>
        {
            var accessor = new HttpContextAccessor();
            services.AddSingleton<IHttpContextAccessor>(accessor);
            services.ConfigureDbContext<SqliteUchastokDbContext>(o => o.AddInterceptors(new FailingDatabase(accessor)));
            services.ConfigureDbContext<PostgresUchastokDbContext>(o => o.AddInterceptors(new FailingDatabase(accessor)));
        });
    }

    private sealed class FailingDatabase(IHttpContextAccessor accessor) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            FailIfAsked();
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            FailIfAsked();
            return base.ReaderExecuting(command, eventData, result);
        }

        private void FailIfAsked()
        {
            if (accessor.HttpContext?.Request.Headers.ContainsKey(FailHeader) == true)
                throw new InvalidOperationException("A failure nobody foresaw.");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
