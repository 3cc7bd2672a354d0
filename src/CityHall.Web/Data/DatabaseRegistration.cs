namespace CityHall.Web.Data;

public static class DatabaseRegistration
{
    /// <summary>
    /// Chooses the provider from configuration. Application code only ever asks for AppDbContext.
    /// </summary>
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(DatabaseOptions.Section);
        builder.Services.Configure<DatabaseOptions>(section);
        var options = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString("Default");

        if (options.IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Default is empty.");
            builder.Services.AddDbContextPool<AppDbContext, PostgresAppDbContext>(o => o.UseNpgsql(WithoutJit(connectionString)));
        }
        else
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                var file = Path.IsPathRooted(options.SqliteFile)
                    ? options.SqliteFile
                    : Path.Combine(builder.Environment.ContentRootPath, options.SqliteFile);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                connectionString = $"Data Source={file}";
            }
            builder.Services.AddDbContextPool<AppDbContext, SqliteAppDbContext>(o => o.UseSqlite(connectionString));
        }
        return builder;
    }

    /// <summary>
    /// The connection string asking the server not to JIT-compile, unless it already sets startup options. Every
    /// statement here is short; one that reads some thousands of rows (search counts, a district's reports) passes
    /// jit_above_cost, and compiling it took 15–70 ms where running it took 5–15 (docs/benchmarks.md, search).
    /// </summary>
    public static string WithoutJit(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.Options)) builder.Options = "-c jit=off";
        return builder.ConnectionString;
    }
}
