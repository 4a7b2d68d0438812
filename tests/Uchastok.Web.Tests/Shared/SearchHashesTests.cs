using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Shared;

/// <summary>A sensitive value is found by its keyed hash: the same on every node and after a restart, and useless without the key ring.</summary>
public sealed class SearchHashesTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    private const string Iin = "900101300123";

    [Fact]
    public async Task TheSameValue_HashesAlike_AnotherKindOrValueDoesNot_AndNoPlainHashGivesIt()
    {
        var hashes = factory.Services.GetRequiredService<SearchHashes>();

        var first = await hashes.HashAsync("iin", Iin);
        var again = await hashes.HashAsync("iin", Iin);
        var otherKind = await hashes.HashAsync("phone", Iin);
        var otherValue = await hashes.HashAsync("iin", "900101300124");

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherKind);
        Assert.NotEqual(first, otherValue);
        // Whoever holds a copy of the database cannot recompute it from the few hundred million possible IINs.
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Iin))), first);
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("iin\n" + Iin))), first);
    }

    [Fact]
    public async Task ANodeStartingLater_ReadsTheSameKey_AndTheKeyIsStoredEncrypted()
    {
        var hashes = factory.Services.GetRequiredService<SearchHashes>();
        var expected = await hashes.HashAsync("iin", Iin);

        // Another node (or this one after a restart) has no key in memory: it reads the deployment's, many requests at once.
        var later = new SearchHashes(factory.Services.GetRequiredService<IServiceScopeFactory>(),
            factory.Services.GetRequiredService<IDataProtectionProvider>(), TimeProvider.System);
        var all = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => later.HashAsync("iin", Iin)));

        Assert.All(all, hash => Assert.Equal(expected, hash));
        await using var scope = factory.Services.CreateAsyncScope();
        var key = Assert.Single(await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().SearchKeys.AsNoTracking().ToListAsync());
        // Protected by the key ring: not 32 bytes in Base64, and only the key ring's protector reads it.
        Assert.NotEqual(44, key.ProtectedKey.Length);
        Assert.ThrowsAny<CryptographicException>(() => factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("another purpose").Unprotect(key.ProtectedKey));
    }
}
