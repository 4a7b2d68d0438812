using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;

namespace Uchastok.Web.Accounts;

/// <summary>
/// The bearer tokens this node has decrypted, with what they carry, so that an API client's next
/// request with the same token is not decrypted and read again (a key-ring lookup, a MAC, AES and the
/// claims' deserialisation on every request). Only tokens that decrypted are kept, and only until they
/// expire; whether the token's session is still open is checked on every request all the same
/// (<see cref="AccountSessions.IsOpenAsync"/>). Each request gets its own copy of the principal and its
/// identities. Tokens are kept by their SHA-256, not as the secret they are.
/// </summary>
public sealed class BearerTicketCache(TimeProvider clock)
{
    /// <summary>Beyond this many tokens the memory starts afresh; a node serves far fewer clients at once.</summary>
    private const int MaxTokens = 20_000;

    private readonly ConcurrentDictionary<string, AuthenticationTicket> _tickets = new(StringComparer.Ordinal);

    /// <summary>The ticket of <paramref name="token"/>, decrypted with <paramref name="unprotect"/> the first time; null when it does not decrypt or has expired.</summary>
    public AuthenticationTicket? Read(string token, Func<string, AuthenticationTicket?> unprotect)
    {
        var now = clock.GetUtcNow();
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        if (!_tickets.TryGetValue(key, out var ticket))
        {
            ticket = unprotect(token);
            if (ticket?.Properties.ExpiresUtc is not { } expires || now >= expires) return null;
            if (_tickets.Count >= MaxTokens) Forget(now);
            _tickets[key] = ticket;
        }
        if (ticket.Properties.ExpiresUtc is not { } until || now >= until)
        {
            _tickets.TryRemove(key, out _);
            return null;
        }
        // The request may add to its principal, its identities or its properties; the kept ticket must stay as the token says.
        // (ClaimsPrincipal.Clone alone would share the identities.)
        return new AuthenticationTicket(new ClaimsPrincipal(ticket.Principal.Identities.Select(i => i.Clone())), ticket.Properties.Clone(), ticket.AuthenticationScheme);
    }

    /// <summary>Drops expired tokens, and everything if that is not enough.</summary>
    private void Forget(DateTimeOffset now)
    {
        foreach (var (token, ticket) in _tickets)
            if (ticket.Properties.ExpiresUtc is not { } expires || now >= expires) _tickets.TryRemove(token, out _);
        if (_tickets.Count >= MaxTokens) _tickets.Clear();
    }
}
