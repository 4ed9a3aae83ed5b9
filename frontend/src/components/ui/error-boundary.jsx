import { Component } from 'react';
import { useTranslation } from 'react-i18next';

/** The friendly page shown when something breaks: never a stack trace. */
export function CrashMessage({ onReset }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="mx-auto max-w-lg py-16 text-center">
      <p aria-hidden="true" className="text-5xl">🪡</p>
      <h1 className="mt-4 text-2xl font-bold">{t('crash.title')}</h1>
      <p className="mt-2 text-base-content/70">{t('crash.body')}</p>
      <div className="mt-6 flex justify-center gap-3">
        <button type="button" className="btn btn-primary" onClick={() => (onReset ? onReset() : window.location.reload())}>
          {t('crash.reload')}
        </button>
        <a className="btn btn-ghost" href="/">{t('crash.home')}</a>
      </div>
    </div>
  );
}

export class ErrorBoundary extends Component {
  constructor(props) {
    super(props);
    this.state = { failed: false };
  }

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch() {
    // Deliberately quiet: the user sees CrashMessage; details stay out of the page.
  }

  render() {
    if (this.state.failed) return <CrashMessage />;
    return this.props.children;
  }
}
