package dev.refer.redirect;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * The redirect's SnapStart hooks (CRaC), kept apart from the shared module so the redirect loads no Jackson: before
 * the snapshot {@code prime} runs real code paths that write nothing; after restore {@code afterRestore} re-creates
 * what must be unique per environment. A priming failure never prevents the snapshot. CRaC holds resources weakly:
 * the handler keeps the instance in a field.
 */
final class RedirectPriming implements Resource {

    private final Runnable prime;
    private final Runnable afterRestore;

    private RedirectPriming(Runnable prime, Runnable afterRestore) {
        this.prime = prime;
        this.afterRestore = afterRestore;
    }

    static RedirectPriming register(Runnable prime, Runnable afterRestore) {
        RedirectPriming priming = new RedirectPriming(prime, afterRestore);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /** Runs the priming now, failures included (tests check that it works and writes nothing). */
    void prime() {
        prime.run();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            prime();
            System.out.println("{\"level\":\"INFO\",\"event\":\"snapstart.primed\"}");
        } catch (RuntimeException e) {
            System.out.println("{\"level\":\"ERROR\",\"event\":\"snapstart.priming.failed\",\"error\":\""
                    + e.getClass().getName() + "\"}");
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        afterRestore.run();
    }
}
