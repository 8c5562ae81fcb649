package io.originate.process;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ArtifactFactory;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;

/**
 * What a model may not bring along, refused by the engine itself whatever a deployment contains:
 * no script in any language (conditions, listeners, script tasks, decision tables; the classpath
 * holds script engines such as MVEL's), and no Java class named in the model ({@code camunda:class}
 * delegates and listeners, shell and mail tasks). Models act only through the process beans.
 */
final class ModelsRunNoCode implements ScriptEngineResolver, ArtifactFactory {

    @Override
    public void addScriptEngineFactory(ScriptEngineFactory factory) {
        throw new ProcessEngineException("Models run no scripts; no script engine is added");
    }

    @Override
    public ScriptEngineManager getScriptEngineManager() {
        return new ScriptEngineManager(null);
    }

    @Override
    public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
        throw new ProcessEngineException("Models run no scripts; '" + language + "' is refused");
    }

    @Override
    public <T> T getArtifact(Class<T> clazz) {
        throw new ProcessEngineException(
                "Models run no Java classes of their own; " + clazz.getName() + " is refused (use a process bean)");
    }
}
