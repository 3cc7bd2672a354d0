namespace CityHall.Web.Platform.Identity;

public static class IdentitySetup
{
    public static IServiceCollection AddCityHallIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        var accountOptions = configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new();
        services.Configure<AccountOptions>(configuration.GetSection(AccountOptions.Section));

        services.AddIdentity<CityHallUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
                o.Password.RequiredLength = accountOptions.PasswordMinLength;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = true;
                o.Password.RequireDigit = true;
                o.Lockout.MaxFailedAccessAttempts = accountOptions.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = accountOptions.LockoutDuration;
                o.Lockout.AllowedForNewUsers = true;
                // Codes typed in by the person (six digits), not links a mail scanner could follow.
                o.Tokens.EmailConfirmationTokenProvider = TimedCodeProvider.Name;
                o.Tokens.PasswordResetTokenProvider = TimedCodeProvider.Name;
                o.Tokens.ChangePhoneNumberTokenProvider = TimedCodeProvider.Name;
                // Authenticator codes that work once (Identity's accept a code again within its step).
                o.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticatorTokenProvider.Name;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<TimedCodeProvider>(TimedCodeProvider.Name)
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(OneTimeAuthenticatorTokenProvider.Name)
            .AddClaimsPrincipalFactory<CityHallClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = ".CityHall.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = accountOptions.SessionLifetime;
            o.Events.OnSigningIn = SessionTracking.OnSigningInAsync;
            // A citizen on a staff page sees the 403 page; machines get a bare status.
            // Identity's validator is resolved with the sign-in and user managers it needs: build them
            // only when a revalidation is due, not on every request of a signed-in person.
            // A signed-out session is refused on every request (from memory); the database is read only at revalidation.
            o.Events.OnValidatePrincipal = async ctx =>
            {
                var services = ctx.HttpContext.RequestServices;
                if (ctx.Principal is null) return;
                if (SessionTracking.IsRevoked(ctx.Principal, services)) { await SessionTracking.RejectAsync(ctx); return; }
                if (ctx.Properties.IssuedUtc is { } issued
                    && services.GetRequiredService<TimeProvider>().GetUtcNow() - issued < accountOptions.SessionRevalidationInterval)
                    return;
                if (!await SessionTracking.IsLiveAsync(ctx.Principal, services)) { await SessionTracking.RejectAsync(ctx); return; }
                await SecurityStampValidator.ValidatePrincipalAsync(ctx);
            };
            o.Events.OnRedirectToAccessDenied = ctx => { ctx.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            o.Events.OnRedirectToLogin = ctx =>
            {
                if (Web.ErrorHandling.IsApiRequest(ctx.Request)) ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                else ctx.Response.Redirect(ctx.RedirectUri);
                return Task.CompletedTask;
            };
        });

        // Wrong-code counts (TimedCodeProvider). In memory: per node, so a city on N nodes allows N× the attempts.
        services.AddDistributedMemoryCache();
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = accountOptions.SessionRevalidationInterval;
            // The refreshed principal is built from the database and would lose how the person signed
            // in: keep the two-factor mark (or staff would lose their pages at the first refresh) and the session.
            o.OnRefreshingPrincipal = ctx =>
            {
                var signedInWith = ctx.CurrentPrincipal?.Claims
                    .Where(c => c.Type is PermissionClaims.AuthenticationMethod or SessionTracking.ClaimType).ToList() ?? [];
                if (ctx.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                    foreach (var claim in signedInWith.Where(c => !identity.HasClaim(c.Type, c.Value)))
                        identity.AddClaim(new System.Security.Claims.Claim(claim.Type, claim.Value));
                return Task.CompletedTask;
            };
        });

        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authentication.IClaimsTransformation, StaffTwoFactorClaims>();
        services.AddSingleton<RevokedSessions>();
        services.AddHostedService<RevokedSessionsRefresher>();
        return services;
    }
}
