package dev.refer.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.refer.emulators.FunctionDef;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds a template function's handler the way the local stack wires it: its class from {@code Handler}, through a
 * public constructor taking the function's environment as a {@code Map<String, String>} (in Lambda the no-argument
 * constructor reads the same values from {@code System.getenv()}).
 */
public final class HandlerFactory {

    private HandlerFactory() {
    }

    public static Supplier<RequestStreamHandler> forFunction(FunctionDef function, Map<String, String> environment) {
        if (!function.handlerMethod().equals("handleRequest")) {
            throw new IllegalStateException(function.logicalId() + ": the local stack runs RequestStreamHandlers,"
                    + " whose method is handleRequest, not " + function.handlerMethod());
        }
        Constructor<? extends RequestStreamHandler> constructor = constructor(function);
        Map<String, String> frozen = Map.copyOf(environment);
        return () -> instantiate(constructor, frozen, function.logicalId());
    }

    private static Constructor<? extends RequestStreamHandler> constructor(FunctionDef function) {
        String className = function.handlerClass();
        Class<?> type;
        try {
            type = Class.forName(className, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(function.logicalId() + ": handler class " + className
                    + " is not on the local stack's classpath (is its module a dependency of infrastructure/local?)", e);
        }
        if (!RequestStreamHandler.class.isAssignableFrom(type)) {
            throw new IllegalStateException(function.logicalId() + ": " + className + " must implement "
                    + RequestStreamHandler.class.getName());
        }
        try {
            return type.asSubclass(RequestStreamHandler.class).getConstructor(Map.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(function.logicalId() + ": " + className + " needs a public constructor"
                    + " taking java.util.Map<String, String> (the function's environment) for the local stack", e);
        }
    }

    private static RequestStreamHandler instantiate(Constructor<? extends RequestStreamHandler> constructor,
                                                    Map<String, String> environment, String functionName) {
        try {
            return constructor.newInstance(environment);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(functionName + ": the handler failed during init: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(functionName + ": cannot create " + constructor.getDeclaringClass(), e);
        }
    }
}
