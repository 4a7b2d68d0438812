namespace Uchastok.Web.PatrolPlanning;

/// <summary>Patrol planning (issue 20, part 2): a beat's patrol suggestions from the crime forecast, the supervisor's decisions, what was done, and the risk zones of the inspector's day.</summary>
public static class PatrolPlanningModule
{
    public static IServiceCollection AddPatrolPlanning(this IServiceCollection services)
    {
        services.AddScoped<PatrolForecast>();
        services.AddScoped<PatrolQueries>();
        services.AddScoped<GeneratePatrolSuggestionsCommand>();
        services.AddScoped<DecidePatrolSuggestionCommand>();
        services.AddScoped<RecordPatrolWorkCommand>();
        return services;
    }
}
