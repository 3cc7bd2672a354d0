using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CityHall.Web.Platform.Web;

/// <summary>
/// Dates a person can mean, for every form and filter at once: from 1900 to 2199. A date such as
/// 0001-01-01 or 9999-12-31 binds fine but breaks the first conversion between the city's time and UTC
/// (and means nothing in a city's records); it becomes a validation message on its field instead.
/// </summary>
public sealed class CalendarDateBinderProvider(IReadOnlyList<IModelBinderProvider> others) : IModelBinderProvider
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2199, 12, 31);

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        if (type != typeof(DateTime) && type != typeof(DateOnly) && type != typeof(DateTimeOffset)) return null;
        foreach (var provider in others)
            if (provider != this && provider.GetBinder(context) is { } inner) return new CalendarDateBinder(inner);
        return null;
    }

    public static bool IsSensible(object? value) => value switch
    {
        null => true,
        DateOnly d => d >= Earliest && d <= Latest,
        DateTime t => IsSensible(DateOnly.FromDateTime(t)),
        DateTimeOffset o => IsSensible(DateOnly.FromDateTime(o.DateTime)),
        _ => true,
    };

    private sealed class CalendarDateBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            await inner.BindModelAsync(context);
            if (!context.Result.IsModelSet || IsSensible(context.Result.Model)) return;
            var t = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Text>>();
            context.ModelState.TryAddModelError(context.ModelName,
                t["Validation.DateOutOfRange", context.ModelMetadata.GetDisplayName(), Earliest.Year, Latest.Year]);
            context.Result = ModelBindingResult.Failed();
        }
    }
}
