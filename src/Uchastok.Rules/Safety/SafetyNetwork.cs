using System.Net;
using System.Net.Sockets;

namespace Uchastok.Rules.Safety;

/// <summary>
/// The network a quick report counts against for the rate limit: an IPv4 /24 or an IPv6 /64. Wider than a
/// single address on purpose: an anonymous form that leads an officer to a place is worth flooding, and a
/// flood from one home router or one small office comes from many addresses of one /24 or one /64. The key
/// lives in the limiter's memory only and is never stored with a report.
/// </summary>
public static class SafetyNetwork
{
    public static string Key(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            bytes[3] = 0;
            return new IPAddress(bytes) + "/24";
        }
        for (var i = 8; i < bytes.Length; i++) bytes[i] = 0;
        return new IPAddress(bytes) + "/64";
    }
}
