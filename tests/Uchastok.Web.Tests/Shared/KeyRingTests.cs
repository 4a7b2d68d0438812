using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Shared;

/// <summary>
/// Keys at rest: the data-protection keys in the database are encrypted with a certificate kept
/// outside it (0600), a key stored unencrypted before is encrypted in place and still decrypts, and
/// the SQLite file, its WAL and the data folder are the service account's alone.
/// </summary>
public sealed class KeyRingTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task StoredKeys_AreEncryptedWithTheCertificate_NoMasterKeyInTheClear()
    {
        // Makes sure a key exists: protecting needs one.
        var protector = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("KeyRingTests");
        var secret = protector.Protect("870412300415");

        await using var scope = factory.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().DataProtectionKeys.Select(k => k.Xml!).ToListAsync();

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });
        Assert.Equal("870412300415", protector.Unprotect(secret));
    }

    [Fact]
    public async Task KeyStoredUnencryptedBefore_IsEncryptedInPlace_AndWhatItProtectedStillDecrypts()
    {
        // A key as an earlier release stored it: made by the framework without a certificate.
        var folder = Directory.CreateTempSubdirectory("uchastok-old-keys-");
        try
        {
            var old = DataProtectionProvider.Create(folder, b => b.SetApplicationName("Uchastok")).CreateProtector("Iin");
            var storedIin = old.Protect("870412300415");
            var plainXml = await File.ReadAllTextAsync(Directory.GetFiles(folder.FullName, "key-*.xml").Single());
            Assert.Contains("<value>", plainXml, StringComparison.Ordinal);
            var name = "key-" + Guid.NewGuid();
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
                db.DataProtectionKeys.Add(new() { FriendlyName = name, Xml = plainXml });
                await db.SaveChangesAsync();
            }

            var encrypted = await KeyRingEncryption.EncryptPlainKeysAsync(factory.Services);

            Assert.True(encrypted >= 1);
            string storedXml;
            await using (var scope = factory.Services.CreateAsyncScope())
                storedXml = (await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().DataProtectionKeys.SingleAsync(k => k.FriendlyName == name)).Xml!;
            Assert.Contains("<encryptedSecret", storedXml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", storedXml, StringComparison.Ordinal);

            // Read back as the framework reads the ring: only with the certificate.
            foreach (var file in Directory.GetFiles(folder.FullName)) File.Delete(file);
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, name + ".xml"), storedXml);
            using var certificate = X509CertificateLoader.LoadPkcs12FromFile(factory.CertificatePath, null, X509KeyStorageFlags.EphemeralKeySet);
            var reader = DataProtectionProvider.Create(folder, b => b.SetApplicationName("Uchastok").UnprotectKeysWithAnyCertificate(certificate)).CreateProtector("Iin");
            Assert.Equal("870412300415", reader.Unprotect(storedIin));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void CertificateAndDatabaseFiles_AreTheServiceAccountsAlone()
    {
        if (OperatingSystem.IsWindows()) return;
        Assert.True(File.Exists(factory.CertificatePath));
        Assert.Equal(PrivateFiles.OwnerOnly, File.GetUnixFileMode(factory.CertificatePath));
        Assert.Equal(PrivateFiles.OwnerOnlyFolder, File.GetUnixFileMode(Path.GetDirectoryName(factory.CertificatePath)!));
        if (UchastokAppFactory.Provider != "sqlite") return;

        var database = Path.Combine(factory.DataFolder, "uchastok.db");
        Assert.Equal(PrivateFiles.OwnerOnlyFolder, File.GetUnixFileMode(factory.DataFolder));
        Assert.Equal(PrivateFiles.OwnerOnly, File.GetUnixFileMode(database));
        // The write-ahead log and its index exist while a connection holds the database open (the host's pool
        // may have closed its own, and the last one to close removes them), and SQLite gives them the database's mode.
        using var open = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False");
        open.Open();
        using (var read = open.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM sqlite_master";
            read.ExecuteScalar();
        }
        Assert.True(File.Exists(database + "-wal"));
        Assert.Equal(PrivateFiles.OwnerOnly, File.GetUnixFileMode(database + "-wal"));
        Assert.Equal(PrivateFiles.OwnerOnly, File.GetUnixFileMode(database + "-shm"));
    }

    [Fact]
    public void ExistingDatabaseFileReadableByOthers_IsNarrowedAtStart()
    {
        if (OperatingSystem.IsWindows()) return;
        var folder = Directory.CreateTempSubdirectory("uchastok-mode-");
        try
        {
            var database = Path.Combine(folder.FullName, "uchastok.db");
            File.WriteAllBytes(database, []);
            File.SetUnixFileMode(database, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

            PrivateFiles.PrepareSqlite(database);

            Assert.Equal(PrivateFiles.OwnerOnly, File.GetUnixFileMode(database));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
