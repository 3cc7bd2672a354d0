using System.Net;
using System.Net.Sockets;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.Platform;

/// <summary>
/// The database away (restarting, refusing connections, full) is not a fault of the request: people get the
/// "briefly unavailable" page and programs a 503, both with Retry-After, and nothing half-written remains.
/// </summary>
public sealed class DatabaseUnavailableTests(FaultyDatabaseApp app) : IClassFixture<FaultyDatabaseApp>
{
    [Fact]
    public async Task A_form_sent_while_the_database_is_away_gets_503_with_Retry_After_and_nothing_is_written()
    {
        var client = app.CreateBrowserLikeClient();
        var signUp = await client.GetPageAsync("/account/sign-up");
        const string email = "while-away@example.org";
        app.RefuseSavesAsUnreachable(1);
        var posted = await client.SubmitAsync(signUp, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "홍길동", ["Input.Email"] = email, ["Input.Password"] = TestAccounts.Password,
        });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, posted.StatusCode);
        Assert.Equal("5", posted.Headers.GetValues("Retry-After").Single());
        var page = await posted.Content.ReadAsStringAsync();
        Assert.Contains("서비스를 잠시 이용할 수 없습니다", page, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)));

        // Back: the same form goes through.
        signUp = await client.GetPageAsync("/account/sign-up");
        posted = await client.SubmitAsync(signUp, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "홍길동", ["Input.Email"] = email, ["Input.Password"] = TestAccounts.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
    }

    [Fact]
    public async Task A_program_posting_while_the_database_is_away_gets_a_problem_json_503_with_Retry_After()
    {
        var (key, _) = await CityHall.Tests.ServiceRequests.Open311Client.NewKeyAsync(app);
        var client = app.CreateClient();
        app.RefuseSavesAsUnreachable(50); // every save for a while: the intake's own retries too
        try
        {
            var response = await client.PostAsync("/open311/v2/requests.json",
                new FormUrlEncodedContent(CityHall.Tests.ServiceRequests.Open311Client.RoadDamage(key, ("description", "데이터베이스 점검 중 신고"))));
            var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(503, json.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrEmpty(json.GetProperty("traceId").GetString()));
        }
        finally { app.RefuseSavesAsUnreachable(0); }
    }

    [Fact]
    public async Task Questions_refused_while_the_database_was_away_do_not_count_against_the_askers_questions_a_minute()
    {
        const string form = "[data-ask-form]";
        var live = await CityHall.Tests.LiveEvents.LiveEventData.EventAsync(app, ask: CityHall.Web.Modules.LiveEvents.AskPolicy.AnyoneNamed);
        var guest = app.CreateBrowserLikeClient();
        async Task<HttpResponseMessage> AskAsync(string text)
        {
            var page = await guest.GetPageAsync($"/live/{live}");
            return await guest.SubmitAsync(page, page.FilledIn(form).With(("Ask.DisplayName", "성북 주민"), ("Ask.Text", text)), form);
        }

        // Five tries while the database is away: each "briefly unavailable", none stored.
        app.RefuseSavesAsUnreachable(1000);
        try
        {
            for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.ServiceUnavailable, (await AskAsync($"점검 중에 보낸 질문 {i}")).StatusCode);
        }
        finally { app.RefuseSavesAsUnreachable(0); }
        Assert.Empty(await CityHall.Tests.LiveEvents.LiveEventData.QuestionsAsync(app, live));

        // Back: the same person still has the minute's five questions (the refused ones took none), and not a sixth.
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Redirect, (await AskAsync($"다시 보낸 질문 {i}")).StatusCode);
        Assert.Contains("너무 자주", Assert.Single((await Html.ParseAsync(await AskAsync("여섯 번째 질문"))).ErrorSummary()));
        Assert.Equal(5, (await CityHall.Tests.LiveEvents.LiveEventData.QuestionsAsync(app, live)).Count);
    }

    [Fact]
    public async Task Real_connection_failures_and_full_disks_count_as_unavailable_and_a_bug_does_not()
    {
        // A server that is not there, as Npgsql reports it.
        var port = CityHallApp.FreeLoopbackPort();
        await using (var refused = new Npgsql.NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=x;Password=x;Timeout=2"))
        {
            var thrown = await Assert.ThrowsAnyAsync<Exception>(() => refused.OpenAsync());
            Assert.True(DatabaseConflicts.IsUnavailable(thrown), thrown.ToString());
        }
        Assert.True(DatabaseConflicts.IsUnavailable(new Microsoft.Data.Sqlite.SqliteException("database or disk is full", 13)));
        Assert.True(DatabaseConflicts.IsUnavailable(new InvalidOperationException("wrapped", new SocketException((int)SocketError.ConnectionReset))));
        Assert.False(DatabaseConflicts.IsUnavailable(new InvalidOperationException("a bug")));
        Assert.False(DatabaseConflicts.IsUnavailable(new Microsoft.Data.Sqlite.SqliteException("constraint", 19)));
        // PostgreSQL's own refusals: a full disk when a table grows, and a session that could not start because the
        // disk was full (both seen in the disk-full drill); a wrong password and a broken rule are not the server being away.
        static Npgsql.PostgresException Postgres(string severity, string state, string text) => new(text, severity, severity, state);
        Assert.True(DatabaseConflicts.IsUnavailable(Postgres("ERROR", "53100", "could not extend file \"base/16384/17040\": No space left on device")));
        Assert.True(DatabaseConflicts.IsUnavailable(new InvalidOperationException("wrapped", Postgres("FATAL", "XX000", "could not write init file"))));
        Assert.False(DatabaseConflicts.IsUnavailable(Postgres("ERROR", "XX000", "cache lookup failed for relation 16384")));
        Assert.False(DatabaseConflicts.IsUnavailable(Postgres("FATAL", "28P01", "password authentication failed for user \"app\"")));
        Assert.False(DatabaseConflicts.IsUnavailable(Postgres("ERROR", "23505", "duplicate key value violates unique constraint")));
    }
}
