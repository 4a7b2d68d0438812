using System.Security.Cryptography;
using System.Text;

namespace Uchastok.Web.Shared.Security;

/// <summary>Unguessable tokens (appeal tracking links, integration keys) and how they are kept: only as a hash.</summary>
public static class Secrets
{
    /// <summary>256 random bits, URL-safe: unguessable, and short enough for an SMS.</summary>
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>SHA-256 suffices: a token of 256 random bits leaves nothing to guess that a slow hash would protect.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
