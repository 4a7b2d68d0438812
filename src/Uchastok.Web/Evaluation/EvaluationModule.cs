namespace Uchastok.Web.Evaluation;

/// <summary>Inspector evaluation and incentives (C9): KPIs per quarter, weights, ranking with reasons.</summary>
public static class EvaluationModule
{
    public static IServiceCollection AddEvaluation(this IServiceCollection services)
    {
        services.AddScoped<InspectorEvaluationQuery>();
        return services;
    }
}
