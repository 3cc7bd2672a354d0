using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Memory;

namespace CityHall.Web.Platform.Hosting;

/// <summary>
/// Remembers, for a few minutes, what Data Protection unprotected: the sign-in cookie and the
/// antiforgery tokens a citizen sends with every request are the same bytes each time, and
/// unprotecting them (a key derivation, AES and an HMAC per payload) was a quarter of the app's
/// CPU when thousands of people sign a proposal at once. Only payloads that verified are kept,
/// keyed by purpose and a SHA-256 of the exact bytes, and callers get a copy; protecting is never
/// cached. Everything a consumer checks after unprotecting (cookie expiry, token pairing,
/// time-limited payloads) is still checked on each request. A revoked key stops being honoured
/// when the entry expires (<see cref="Lifetime"/>).
/// </summary>
public sealed class UnprotectCache : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    internal byte[] Unprotect(IDataProtector inner, string purposes, byte[] protectedData)
    {
        var key = (purposes, Convert.ToBase64String(SHA256.HashData(protectedData)));
        if (cache.TryGetValue(key, out byte[]? known)) return (byte[])known!.Clone();
        var plain = inner.Unprotect(protectedData); // throws for anything forged or expired: nothing is kept
        cache.Set(key, (byte[])plain.Clone(), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return plain;
    }

    public void Dispose() => cache.Dispose();
}

/// <summary>The app's data-protection provider with <see cref="UnprotectCache"/> in front of every protector it makes.</summary>
public sealed class CachingDataProtectionProvider(IDataProtectionProvider inner, UnprotectCache cache) : IDataProtectionProvider
{
    public IDataProtector CreateProtector(string purpose) => new CachingDataProtector(inner.CreateProtector(purpose), cache, purpose);

    private sealed class CachingDataProtector(IDataProtector inner, UnprotectCache cache, string purposes) : IDataProtector
    {
        public IDataProtector CreateProtector(string purpose) => new CachingDataProtector(inner.CreateProtector(purpose), cache, purposes + "\u001f" + purpose);

        public byte[] Protect(byte[] plaintext) => inner.Protect(plaintext);

        public byte[] Unprotect(byte[] protectedData) => cache.Unprotect(inner, purposes, protectedData);
    }

    /// <summary>Puts the cache in front of the provider AddDataProtection registered.</summary>
    public static IServiceCollection Decorate(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IDataProtectionProvider));
        services.Remove(registered);
        services.AddSingleton<UnprotectCache>();
        services.AddSingleton<IDataProtectionProvider>(sp => new CachingDataProtectionProvider(
            registered.ImplementationFactory?.Invoke(sp) as IDataProtectionProvider
                ?? registered.ImplementationInstance as IDataProtectionProvider
                ?? (IDataProtectionProvider)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!),
            sp.GetRequiredService<UnprotectCache>()));
        return services;
    }
}
