using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Uchastok.Web.Tests.Support;

/// <summary>The host with a clock the test moves; by default Monday 2 November 2026, 10:00 in Almaty.</summary>
public class ClockedAppFactory : UchastokAppFactory
{
    public ClockedAppFactory()
        : this(new DateTimeOffset(2026, 11, 2, 5, 0, 0, TimeSpan.Zero))
    {
    }

    protected ClockedAppFactory(DateTimeOffset start) => Clock = new FakeTimeProvider(start);

    public FakeTimeProvider Clock { get; }

    /// <summary>Moves the clock forward to 10:00 in Almaty on a day; never back, as the tests of a class share the clock.</summary>
    public Task MoveToAsync(DateOnly day)
    {
        var target = new DateTimeOffset(day.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero);
        if (target > Clock.GetUtcNow()) Clock.SetUtcNow(target);
        return Task.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}
